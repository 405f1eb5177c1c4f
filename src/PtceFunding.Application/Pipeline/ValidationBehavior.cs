using Mediator;

namespace PtceFunding.Application.Pipeline;

/// <summary>
/// Refuses malformed requests with field errors before anything is read or written: the input contract every request
/// obeys (<see cref="InputContract"/>, docs/adr/0031), the request's validators, and for every versioned command the
/// version its sender read (docs/adr/0011).
/// </summary>
internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IMessage
    where TResponse : IResult, IResultFactory<TResponse>
{
    public async ValueTask<TResponse> Handle(TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        var malformed = InputContract.Check(message);
        var failures = new List<FluentValidation.Results.ValidationFailure>(malformed);
        if (message is IVersioned { ExpectedVersion: not >= 0 })
        {
            failures.Add(new(nameof(IVersioned.ExpectedVersion), Concurrency.VersionRequired));
        }

        // The validators read a well-formed request: when its shape is wrong (a null list, a null element), they do not run.
        foreach (var validator in malformed.Count == 0 ? validators : [])
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
