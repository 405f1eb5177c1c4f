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
