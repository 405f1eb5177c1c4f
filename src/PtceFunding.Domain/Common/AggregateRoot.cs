namespace PtceFunding.Domain.Common;

/// <summary>
/// An aggregate whose every change increments <see cref="Version"/>; the version is the
/// optimistic-concurrency token, so two concurrent edits cannot both win. It raises domain events
/// for what other parts of the platform react to (notices, follow-up work); the unit of work
/// dispatches them before saving, in the same transaction.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IDomainEvent> _events = [];

    public int Version { get; private set; }

    /// <summary>Called by the persistence layer once per saved change.</summary>
    public void IncrementVersion() => Version++;

    /// <summary>The events raised since they were last taken, in order; taking them clears them.</summary>
    public IReadOnlyList<IDomainEvent> TakeEvents()
    {
        if (_events.Count == 0)
        {
            return [];
        }

        var taken = _events.ToList();
        _events.Clear();
        return taken;
    }

    protected void Raise(IDomainEvent domainEvent) => _events.Add(domainEvent);
}

/// <summary>Something that happened to an aggregate, named in the past tense, that others react to.</summary>
public interface IDomainEvent;
