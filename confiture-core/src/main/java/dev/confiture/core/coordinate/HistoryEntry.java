package dev.confiture.core.coordinate;

import java.time.Instant;

/**
 * One status transition of an intent.
 *
 * @param intentId the intent
 * @param oldStatus the status before, {@code null} for the registration
 * @param newStatus the status after
 * @param reason why, or {@code null}
 * @param changedBy who made the change, or {@code null}
 * @param changedAt when
 */
public record HistoryEntry(String intentId, IntentStatus oldStatus, IntentStatus newStatus, String reason,
		String changedBy, Instant changedAt) {

}
