namespace PtceFunding.Application.Abstractions;

/// <summary>
/// A text longer than its column, caught by the persistence layer before the database refuses it: the last guard of
/// the input contract (docs/adr/0031), answered as a 400 naming the field. Validators should have refused it first.
/// </summary>
public sealed class ValueTooLongException : Exception
{
    public ValueTooLongException()
    {
    }

    public ValueTooLongException(string message)
        : base(message)
    {
    }

    public ValueTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ValueTooLongException(string field, int maxLength)
        : base($"{field} is longer than {maxLength} characters.")
    {
        Field = field;
        MaxLength = maxLength;
    }

    public string Field { get; } = "";

    public int MaxLength { get; }
}
