using Mediator;

namespace PtceFunding.Application.Pipeline;

/// <summary>
/// Innermost step for commands: one transaction holding the changes, their audit entries and what the domain events
/// they raised lead to (outbox notices, aligned reports): the events are dispatched after the handler succeeds and
/// before the unit of work saves.
/// </summary>
internal sealed class TransactionBehavior<TRequest, TResponse>(IUnitOfWork unitOfWork, OperationContext operation, IDomainEventDispatcher events)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IBaseCommand
    where TResponse : IResult, IResultFactory<TResponse>
{
    public async ValueTask<TResponse> Handle(TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IManagesOwnTransactions)
        {
            return await unitOfWork.InTransaction(typeof(TRequest).Name, () => HandleThenDispatch(message, next, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        operation.Name = typeof(TRequest).Name;
        try
        {
            return await next(message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            operation.Name = null;
        }
    }

    private async Task<TResponse> HandleThenDispatch(TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            await events.DispatchPending(cancellationToken).ConfigureAwait(false);
        }

        return response;
    }
}
