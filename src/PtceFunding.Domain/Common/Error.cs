namespace PtceFunding.Domain.Common;

/// <summary>How an expected failure is classified; the web edge maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    RuleBroken,
}

/// <summary>An expected failure: a stable machine code, a French message for people, and field errors for validation.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind)
{
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Every rule an operation broke, when it checks them all before answering (e.g. submitting an application).</summary>
    public IReadOnlyList<Error> Failures { get; init; } = [];

    /// <summary>For a concurrent edit: the version that is now current, so the client can reload it.</summary>
    public int? CurrentVersion { get; init; }

    /// <summary>Several broken rules answered at once, under one code.</summary>
    public static Error RulesBroken(string code, string message, IReadOnlyList<Error> failures) =>
        new(code, message, ErrorKind.RuleBroken) { Failures = failures };

    public static Error Validation(IReadOnlyDictionary<string, string[]> fieldErrors) =>
        new("validation", "Certaines informations saisies sont invalides.", ErrorKind.Validation) { FieldErrors = fieldErrors };

    public static Error Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static Error RuleBroken(string code, string message) => new(code, message, ErrorKind.RuleBroken);

    public static Error Unauthorized(string code, string message) => new(code, message, ErrorKind.Unauthorized);
}
