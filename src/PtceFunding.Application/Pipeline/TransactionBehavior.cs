using Mediator;

namespace PtceFunding.Application.Pipeline;

/// <summary>Innermost step for commands: one transaction holding the changes and their audit entries.</summary>
internal sealed class TransactionBehavior<TRequest, TResponse>(IUnitOfWork unitOfWork, OperationContext operation)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IBaseCommand
    where TResponse : IResult, IResultFactory<TResponse>
{
    public async ValueTask<TResponse> Handle(TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IManagesOwnTransactions)
        {
            return await unitOfWork.InTransaction(typeof(TRequest).Name, () => next(message, cancellationToken).AsTask(), cancellationToken).ConfigureAwait(false);
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
}
