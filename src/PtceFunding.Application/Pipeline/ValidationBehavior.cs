using Mediator;

namespace PtceFunding.Application.Pipeline;

/// <summary>
/// Refuses malformed requests with field errors before anything is read or written: the request's
/// validators, and for every versioned command the version its sender read (docs/adr/0011).
/// </summary>
internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IMessage
    where TResponse : IResult, IResultFactory<TResponse>
{
    public async ValueTask<TResponse> Handle(TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        if (message is IVersioned { ExpectedVersion: not >= 0 })
        {
            failures.Add(new(nameof(IVersioned.ExpectedVersion), Concurrency.VersionRequired));
        }

        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken).ConfigureAwait(false);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return await next(message, cancellationToken).ConfigureAwait(false);
        }

        var fieldErrors = failures
            .GroupBy(f => f.PropertyName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
        return TResponse.Failure(Error.Validation(fieldErrors));
    }
}
