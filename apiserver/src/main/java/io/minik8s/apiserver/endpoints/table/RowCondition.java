package io.minik8s.apiserver.endpoints.table;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A condition on a Table row (upstream's TableRowCondition); upstream sets "Completed" on rows of
 * pods that have finished.
 */
@JsonPropertyOrder({"type", "status", "reason", "message"})
public record RowCondition(String type, String status, String reason, String message) {}
