namespace PtceFunding.Domain.Organisations;

/// <summary>
/// A SIRET: 14 digits identifying an establishment (the first 9 are its company's SIREN), with a
/// Luhn check digit — La Poste's establishments (SIREN 356 000 000) pass either that key or La Poste's
/// own rule (their 14 digits sum to a multiple of 5): INSEE numbered some of them each way.
/// </summary>
public sealed record Siret
{
    private const string LaPosteSiren = "356000000";

    private Siret(string value) => Value = value;

    public string Value { get; }

    public string Siren => Value[..9];

    public static Result<Siret> Parse(string? input)
    {
        var value = (input ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (value.Length != 14 || !value.All(char.IsAsciiDigit))
        {
            return Error.Validation("Siret", "Le SIRET doit comporter exactement 14 chiffres.");
        }

        var valid = Luhn(value) || (value.StartsWith(LaPosteSiren, StringComparison.Ordinal) && value.Sum(c => c - '0') % 5 == 0);
        return valid
            ? new Siret(value)
            : Error.Validation("Siret", $"Le SIRET {value} est invalide : sa clé de contrôle ne correspond pas (vérifiez les chiffres saisis).");
    }

    /// <summary>Luhn: doubling every second digit from the right, the digit sum is a multiple of 10.</summary>
    public static bool Luhn(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    public override string ToString() => Value;
}

/// <summary>An association's number in the national register (RNA): W followed by 9 digits.</summary>
public sealed record Rna
{
    private Rna(string value) => Value = value;

    public string Value { get; }

    public static Result<Rna> Parse(string? input)
    {
        var value = (input ?? "").Trim().ToUpperInvariant();
        return value.Length == 10 && value[0] == 'W' && value[1..].All(char.IsAsciiDigit)
            ? new Rna(value)
            : Error.Validation("Rna", $"Le numéro RNA « {input} » est invalide : il s'écrit W suivi de 9 chiffres (par exemple W751234567).");
    }

    public override string ToString() => Value;
}
