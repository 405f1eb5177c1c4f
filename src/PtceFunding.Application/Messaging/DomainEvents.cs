using Microsoft.Extensions.DependencyInjection;

namespace PtceFunding.Application.Messaging;

/// <summary>Reacts to one kind of domain event, inside the transaction of the command that raised it.</summary>
public interface IDomainEventSubscriber
{
    Type Handles { get; }

    Task Handle(IDomainEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>The base of every domain event handler: one event type, handled inside the raising command's transaction.</summary>
public abstract class DomainEventSubscriber<TEvent> : IDomainEventSubscriber
    where TEvent : IDomainEvent
{
    public Type Handles => typeof(TEvent);

    public Task Handle(IDomainEvent domainEvent, CancellationToken cancellationToken) => Handle((TEvent)domainEvent, cancellationToken);

    protected abstract Task Handle(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>What the unit of work calls before it saves: every pending domain event to its subscribers.</summary>
public interface IDomainEventDispatcher
{
    Task DispatchPending(CancellationToken cancellationToken);
}

/// <summary>
/// Dispatches the events the tracked aggregates raised to their handlers, until none is left (a handler may change
/// an aggregate that raises more). Called by the unit of work before it saves, so what handlers write (outbox
/// notices, aligned reports) commits or rolls back with the command (docs/adr/0030).
/// </summary>
internal sealed class DomainEventDispatcher(IPtceDbContext db, IServiceProvider services) : IDomainEventDispatcher
{
    private const int MaxRounds = 8;

    public async Task DispatchPending(CancellationToken cancellationToken)
    {
        for (var round = 1; db.TakeDomainEvents() is { Count: > 0 } events; round++)
        {
            if (round > MaxRounds)
            {
                throw new InvalidOperationException($"Domain events still raised after {MaxRounds} rounds: a handler raises the event it handles.");
            }

            var handlers = services.GetServices<IDomainEventSubscriber>().ToLookup(h => h.Handles);
            foreach (var domainEvent in events)
            {
                foreach (var handler in handlers[domainEvent.GetType()])
                {
                    await handler.Handle(domainEvent, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
