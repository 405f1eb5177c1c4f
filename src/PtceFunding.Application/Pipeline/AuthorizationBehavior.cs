using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;

namespace PtceFunding.Application.Pipeline;

/// <summary>
/// Asks the request's authorizers whether the current user may act on this resource.
/// A request without an authorizer is a programming error, never an implicit allow.
/// </summary>
internal sealed class AuthorizationBehavior<TRequest, TResponse>(IEnumerable<IAuthorizer<TRequest>> authorizers)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
    where TResponse : IResult, IResultFactory<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, NextStep<TResponse> next, CancellationToken cancellationToken)
    {
        var any = false;
        foreach (var authorizer in authorizers)
        {
            any = true;
            var decision = await authorizer.Authorize(request, cancellationToken).ConfigureAwait(false);
            if (!decision.IsSuccess)
            {
                return TResponse.Failure(decision.Error);
            }
        }

        return any
            ? await next().ConfigureAwait(false)
            : throw new InvalidOperationException($"{typeof(TRequest).Name} has no authorizer: declare who may send it.");
    }
}
