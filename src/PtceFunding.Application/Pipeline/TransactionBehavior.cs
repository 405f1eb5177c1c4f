using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;

namespace PtceFunding.Application.Pipeline;

/// <summary>Innermost step for commands: one transaction holding the changes and their audit entries.</summary>
internal sealed class TransactionBehavior<TRequest, TResponse>(IUnitOfWork unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
    where TResponse : IResult, IResultFactory<TResponse>
{
    public Task<TResponse> Handle(TRequest request, NextStep<TResponse> next, CancellationToken cancellationToken) =>
        request is ICommandMarker
            ? unitOfWork.InTransaction(typeof(TRequest).Name, () => next(), cancellationToken)
            : next();
}
