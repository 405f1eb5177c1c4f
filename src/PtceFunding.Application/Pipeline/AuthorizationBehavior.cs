using System.Reflection;
using Mediator;

namespace PtceFunding.Application.Pipeline;

/// <summary>
/// Admits the request when the current user belongs to the audience its type declares with
/// <see cref="AllowAttribute"/>. A request without a declaration is a programming error, never an
/// implicit allow. Runs before validation: an unauthorized caller learns nothing from field errors.
/// </summary>
internal sealed class AuthorizationBehavior<TRequest, TResponse>(ICurrentUser user) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IMessage
    where TResponse : IResult, IResultFactory<TResponse>
{
    /// <summary>Read once per request type.</summary>
    private static readonly Audience? Declared = typeof(TRequest).GetCustomAttribute<AllowAttribute>()?.Audience;

    public ValueTask<TResponse> Handle(TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        if (Declared is not { } audience)
        {
            throw new InvalidOperationException($"{typeof(TRequest).Name} declares no audience: add [Allow(...)] to say who may send it.");
        }

        var decision = user.Admit(audience);
        return decision.IsSuccess ? next(message, cancellationToken) : ValueTask.FromResult(TResponse.Failure(decision.Error));
    }
}
