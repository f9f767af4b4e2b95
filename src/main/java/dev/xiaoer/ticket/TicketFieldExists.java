package dev.xiaoer.ticket;

import dev.xiaoer.kernel.BusinessException;

/** A custom field with this key is already defined in the workspace. */
public class TicketFieldExists extends BusinessException {

    public TicketFieldExists(String key) {
        super("ticket-field-exists", Kind.CONFLICT, "A ticket field with key " + key + " exists", key);
    }
}
