using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;

namespace PtceFunding.Application.Pipeline;

/// <summary>Innermost step for commands: one transaction holding the changes and their audit entries.</summary>
internal sealed class TransactionBehavior<TRequest, TResponse>(IUnitOfWork unitOfWork, OperationContext operation)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
    where TResponse : IResult, IResultFactory<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, NextStep<TResponse> next, CancellationToken cancellationToken)
    {
        switch (request)
        {
            case IManagesOwnTransactions:
                operation.Name = typeof(TRequest).Name;
                try
                {
                    return await next().ConfigureAwait(false);
                }
                finally
                {
                    operation.Name = null;
                }

            case ICommandMarker:
                return await unitOfWork.InTransaction(typeof(TRequest).Name, () => next(), cancellationToken).ConfigureAwait(false);
            default:
                return await next().ConfigureAwait(false);
        }
    }
}
