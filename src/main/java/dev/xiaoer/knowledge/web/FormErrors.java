package dev.xiaoer.knowledge.web;

import dev.xiaoer.kernel.BusinessException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** A refusal shown at the form field it is about, with the problem's own message. */
final class FormErrors {

    private FormErrors() {
    }

    static void reject(BindingResult errors, String field, BusinessException problem) {
        errors.addError(new FieldError(errors.getObjectName(), field, errors.getFieldValue(field), false,
                new String[] {"problem." + problem.code()}, problem.arguments(), null));
    }
}
