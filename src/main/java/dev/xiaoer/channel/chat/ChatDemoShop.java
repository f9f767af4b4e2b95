package dev.xiaoer.channel.chat;

import dev.xiaoer.kernel.NotFound;
import dev.xiaoer.workspace.WorkspaceId;
import dev.xiaoer.workspace.WorkspaceManagement;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A stand-in for a merchant's shop page with the chat widget on it, to try the widget and to show
 * the snippet a merchant pastes into their own pages.
 */
@Controller
class ChatDemoShop {

    private final WorkspaceManagement workspaces;

    ChatDemoShop(WorkspaceManagement workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/chat/demo-shop")
    String shop(@RequestParam UUID workspace, Model model) {
        var id = new WorkspaceId(workspace);
        workspaces.find(id).orElseThrow(() -> new NotFound("workspace", id));
        var script = ServletUriComponentsBuilder.fromCurrentContextPath().path("/chat/widget.js").toUriString();
        model.addAttribute("workspace", workspace.toString());
        model.addAttribute("snippet", "<script src=\"" + script + "\" data-workspace=\"" + workspace + "\" async></script>");
        return "chat/demo-shop";
    }
}
