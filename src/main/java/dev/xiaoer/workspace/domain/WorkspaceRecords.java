package dev.xiaoer.workspace.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

public interface WorkspaceRecords extends ListCrudRepository<WorkspaceRecord, UUID> {

    List<WorkspaceRecord> findAllByOrderByCreatedAt();
}
