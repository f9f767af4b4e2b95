package dev.xiaoer.assistant.eval;

/** An evaluation file that cannot be read as the command expects; the message says where and why. */
final class EvalInputException extends RuntimeException {

    EvalInputException(String message) {
        super(message);
    }
}
