package dev.xiaoer.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Counts a failed sign-in against the account and the address, then shows the form again. */
class ThrottledFailureHandler implements AuthenticationFailureHandler {

    private final LoginThrottle throttle;

    ThrottledFailureHandler(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        throttle.failed(request.getParameter("username"), request.getRemoteAddr());
        SignInController.rememberEmail(request);
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
