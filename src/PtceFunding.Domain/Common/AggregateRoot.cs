namespace PtceFunding.Domain.Common;

/// <summary>
/// An aggregate whose every change increments <see cref="Version"/>; the version is the
/// optimistic-concurrency token, so two concurrent edits cannot both win.
/// </summary>
public abstract class AggregateRoot
{
    public int Version { get; private set; }

    /// <summary>Called by the persistence layer once per saved change.</summary>
    public void IncrementVersion() => Version++;
}
