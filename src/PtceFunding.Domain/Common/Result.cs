using System.Diagnostics.CodeAnalysis;

namespace PtceFunding.Domain.Common;

/// <summary>The outcome of an operation that can fail in an expected way.</summary>
public interface IResult
{
    bool IsSuccess { get; }

    Error? Error { get; }
}

/// <summary>Lets generic code (the mediator pipeline) build a failed result of any result type.</summary>
public interface IResultFactory<out TSelf>
    where TSelf : IResult
{
    static abstract TSelf Failure(Error error);
}

/// <summary>Success or an <see cref="Common.Error"/>, without a value.</summary>
public sealed class Result : IResult, IResultFactory<Result>
{
    private static readonly Result SuccessInstance = new(null);

    private Result(Error? error) => Error = error;

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result Success() => SuccessInstance;

    public static Result Failure(Error error) => new(error);

    public static implicit operator Result(Error error) => Failure(error);
}

/// <summary>A value or an <see cref="Common.Error"/>.</summary>
public sealed class Result<T> : IResult, IResultFactory<Result<T>>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"A failed result has no value ({Error.Code}).");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}

/// <summary>
/// Chaining the steps of a use case: what was found is handed to the next step, a failure passes through
/// untouched (a handler reads as "find, then act" without the repeated "if failed, return the error").
/// </summary>
public static class ResultChaining
{
    public static async Task<Result<TNext>> Then<T, TNext>(this Task<Result<T>> found, Func<T, Result<TNext>> next)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(next);
        var result = await found.ConfigureAwait(false);
        return result.IsSuccess ? next(result.Value) : result.Error;
    }

    public static async Task<Result<TNext>> Then<T, TNext>(this Task<Result<T>> found, Func<T, Task<Result<TNext>>> next)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(next);
        var result = await found.ConfigureAwait(false);
        return result.IsSuccess ? await next(result.Value).ConfigureAwait(false) : result.Error;
    }

    public static async Task<Result> Then<T>(this Task<Result<T>> found, Func<T, Result> next)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(next);
        var result = await found.ConfigureAwait(false);
        return result.IsSuccess ? next(result.Value) : result.Error;
    }
}
