namespace PtceFunding.Application.Auditing;

/// <summary>One append-only line of the audit trail: who changed what, when, through which operation.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }

    /// <summary>UTC instant from the injected clock.</summary>
    public DateTime OccurredAt { get; init; }

    public Guid? ActorId { get; init; }

    public string ActorName { get; init; } = "";

    /// <summary>The funder of the actor, so that a funder's administrators read their own trail.</summary>
    public Guid? ActorFunderId { get; init; }

    /// <summary>The command (or system operation) that made the change.</summary>
    public string Operation { get; init; } = "";

    public string EntityType { get; init; } = "";

    public string EntityId { get; init; } = "";

    /// <summary>Added, Modified or Deleted.</summary>
    public string Change { get; init; } = "";

    /// <summary>JSON object of the changed properties: { "Name": { "before": …, "after": … } }.</summary>
    public string Changes { get; init; } = "{}";

    public string? CorrelationId { get; init; }
}
