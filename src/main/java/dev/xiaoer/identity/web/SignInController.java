package dev.xiaoer.identity.web;

import dev.xiaoer.identity.ActorPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page. The form posts to Spring Security's {@code /login}; signing out is its {@code POST /logout}. */
@Controller
class SignInController {

    private static final String LAST_EMAIL = SignInController.class.getName() + ".email";
    private static final int MAX_EMAIL = 254;

    /** Keeps the e-mail of a refused attempt for the form shown next, so only the password is typed again. */
    static void rememberEmail(HttpServletRequest request) {
        var email = request.getParameter("username");
        if (email != null && !email.isBlank() && email.length() <= MAX_EMAIL) {
            request.getSession().setAttribute(LAST_EMAIL, email.strip());
        }
    }

    /** Spring Security sends the browser back here with {@code ?error}, {@code ?throttled} or {@code ?signedOut}. */
    @GetMapping("/login")
    String signIn(Authentication authentication, @RequestParam Map<String, String> outcome, HttpServletRequest request,
                  Model model) {
        if (ActorPrincipal.from(authentication).isPresent()) {
            return "redirect:/";
        }
        var session = request.getSession(false);
        if (session != null) {
            model.addAttribute("email", session.getAttribute(LAST_EMAIL));
            session.removeAttribute(LAST_EMAIL);
        }
        model.addAttribute("failed", outcome.containsKey("error"));
        model.addAttribute("throttled", outcome.containsKey("throttled"));
        model.addAttribute("signedOut", outcome.containsKey("signedOut"));
        return "login";
    }
}
