package dev.xiaoer.customer.web;

import dev.xiaoer.customer.Customer;
import dev.xiaoer.customer.CustomerManagement;
import dev.xiaoer.customer.CustomerSearch;
import dev.xiaoer.identity.Actor;
import dev.xiaoer.kernel.Cursor;
import dev.xiaoer.kernel.InvalidInput;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customers page: search by name, e-mail, phone or any identity, newest first, with "show more".
 * Searching answers htmx with the results only and keeps the address bar in step. Each customer's
 * own page (with their tickets) belongs to the ticket module, which sits above this one.
 */
@Controller
class CustomerListPageController {

    static final int PAGE_SIZE = 25;
    private static final int MAX_TEXT = 200;

    private final CustomerManagement customers;

    CustomerListPageController(CustomerManagement customers) {
        this.customers = customers;
    }

    /** One customer in the list, with their language named in the reader's language. */
    record Row(Customer customer, String language) {

        static Row of(Customer customer, Locale reader) {
            var tag = customer.language();
            return new Row(customer, tag == null ? null : Locale.forLanguageTag(tag).getDisplayLanguage(reader));
        }

        public String initial() {
            var name = customer.name().strip();
            return name.isEmpty() ? "?" : new String(Character.toChars(name.codePointAt(0))).toUpperCase(Locale.ROOT);
        }
    }

    @GetMapping("/customers")
    String list(Actor actor, Locale locale, Model model, HttpServletResponse response,
                @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @RequestHeader(name = "HX-Target", required = false) String target) {
        var text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInput("q", "customer-field-too-long", MAX_TEXT);
        }
        var after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        var page = customers.search(actor.workspace(), new CustomerSearch(text, null, null, after, PAGE_SIZE));
        var url = UriComponentsBuilder.fromPath("/customers");
        if (text != null) {
            url.queryParam("q", text);
        }
        var address = url.encode().build().toUriString();
        model.addAttribute("q", text);
        model.addAttribute("rows", page.items().stream().map(customer -> Row.of(customer, locale)).toList());
        model.addAttribute("nextPage", page.nextCursor() == null ? null
                : UriComponentsBuilder.fromUriString(address).queryParam("cursor", page.nextCursor()).build().toUriString());
        if (after != null) {
            return "customers/list :: more";
        }
        if ("true".equals(htmx) && "customer-results".equals(target)) {
            response.setHeader("HX-Push-Url", address);
            return "customers/list :: results";
        }
        return "customers/list";
    }
}
