package dev.xiaoer.identity.web;

import dev.xiaoer.identity.Actor;
import dev.xiaoer.identity.TokenPrincipal;
import dev.xiaoer.workspace.WorkspaceManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Workspace", description = "Who the caller is and which workspace it acts in")
class MeController {

    private final WorkspaceManagement workspaces;

    MeController(WorkspaceManagement workspaces) {
        this.workspaces = workspaces;
    }

    record WorkspaceView(UUID id, String name, String defaultLanguage, String timeZone, String currency) {
    }

    record MeView(Actor.Type type, UUID id, String name, List<String> scopes, WorkspaceView workspace) {
    }

    @GetMapping
    @Operation(summary = "The caller and its workspace")
    MeView me(Actor actor) {
        var workspace = workspaces.get(actor.workspace());
        var principal = SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        var scopes = principal instanceof TokenPrincipal token
                ? token.token().scopes().stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList()
                : List.<String>of();
        return new MeView(actor.type(), actor.id(), actor.name(), scopes,
                new WorkspaceView(workspace.id().value(), workspace.name(), workspace.defaultLanguage().toLanguageTag(),
                        workspace.timeZone().getId(), workspace.currency().getCurrencyCode()));
    }
}
