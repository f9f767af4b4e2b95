package dev.xiaoer.ticket.infra;

import static dev.xiaoer.ticket.infra.TicketRows.instant;
import static dev.xiaoer.ticket.infra.TicketRows.timestamp;

import dev.xiaoer.ticket.CustomFieldType;
import dev.xiaoer.ticket.TicketFieldDefinition;
import dev.xiaoer.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Custom ticket field definitions per workspace; select options are kept as a JSON array. */
@Repository
public class FieldDefinitionRows {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FieldDefinitionRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<TicketFieldDefinition> all(WorkspaceId workspace) {
        return jdbc.sql("SELECT * FROM ticket_field_definitions WHERE workspace_id = ? ORDER BY created_at, field_key")
                .param(workspace.value()).query(this::definition).list();
    }

    public Optional<TicketFieldDefinition> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("SELECT * FROM ticket_field_definitions WHERE workspace_id = ? AND id = ?")
                .params(workspace.value(), id).query(this::definition).optional();
    }

    /** Inserts the definition unless the key is taken; returns whether it was inserted. */
    public boolean insert(WorkspaceId workspace, TicketFieldDefinition field) {
        return jdbc.sql("""
                INSERT INTO ticket_field_definitions (id, workspace_id, field_key, label, field_type, options,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(field.id(), workspace.value(), field.key(), field.label(), field.type().name(),
                        json.writeValueAsString(field.options()), timestamp(field.createdAt()),
                        timestamp(field.updatedAt()))
                .update() == 1;
    }

    public void update(WorkspaceId workspace, TicketFieldDefinition field) {
        jdbc.sql("UPDATE ticket_field_definitions SET label = ?, options = ?, updated_at = ? WHERE workspace_id = ? AND id = ?")
                .params(field.label(), json.writeValueAsString(field.options()), timestamp(field.updatedAt()),
                        workspace.value(), field.id())
                .update();
    }

    public int count(WorkspaceId workspace) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket_field_definitions WHERE workspace_id = ?")
                .param(workspace.value()).query(Integer.class).single();
    }

    private TicketFieldDefinition definition(ResultSet rs, int row) throws SQLException {
        return new TicketFieldDefinition(rs.getObject("id", UUID.class), rs.getString("field_key"),
                rs.getString("label"), CustomFieldType.valueOf(rs.getString("field_type")),
                json.readValue(rs.getString("options"), STRINGS), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
