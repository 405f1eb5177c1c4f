using System.Collections.Frozen;

namespace PtceFunding.Domain.Payments;

/// <summary>
/// An IBAN (ISO 13616): country code, two check digits and the national account number (BBAN), of the
/// length fixed for its country, whose mod-97 key is 1. Stored and compared in its electronic form
/// (no spaces, upper case); printed in groups of four.
/// </summary>
public sealed record Iban
{
    public const string InvalidCode = "bank_details.iban_invalid";

    /// <summary>Length of the IBAN in the countries of the SEPA area (SEPA payments are the only ones the funders order).</summary>
    private static readonly FrozenDictionary<string, int> Lengths =
        "AD24 AT20 BE16 BG22 CH21 CY28 CZ24 DE22 DK18 EE20 ES24 FI18 FR27 GB22 GI23 GR27 HR21 HU28 IE22 IS26 IT27 LI21 LT20 LU20 LV21 MC27 MT31 NL18 NO15 PL28 PT25 RO24 SE24 SI19 SK24 SM27 VA22"
            .Split(' ')
            .ToFrozenDictionary(entry => entry[..2], entry => int.Parse(entry[2..], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private Iban(string value) => Value = value;

    /// <summary>The electronic form: "FR7630006000011234567890189".</summary>
    public string Value { get; }

    public string CountryCode => Value[..2];

    /// <summary>The paper form, in groups of four: "FR76 3000 6000 0112 3456 7890 189".</summary>
    public string Formatted => Group(Value);

    /// <summary>Only the country, the key and the last four characters, for messages that leave the platform (e-mails).</summary>
    public string Masked => Group(Value[..4] + new string('•', Value.Length - 8) + Value[^4..]);

    /// <summary>Accepts spaces and lower case, as people copy an IBAN from a RIB.</summary>
    public static Result<Iban> Parse(string? input)
    {
        var value = new string((input ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (value.Length == 0)
        {
            return Invalid("Indiquez l'IBAN du compte.");
        }

        if (value.Length < 5 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1])
            || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]) || !value.All(char.IsAsciiLetterOrDigit))
        {
            return Invalid($"L'IBAN « {input?.Trim()} » est invalide : il commence par le code du pays (deux lettres, par exemple FR) suivi de deux chiffres de clé, puis ne contient que des lettres et des chiffres.");
        }

        if (!Lengths.TryGetValue(value[..2], out var length))
        {
            return Invalid($"L'IBAN « {input?.Trim()} » n'est pas celui d'un pays de l'espace SEPA : seuls ces comptes peuvent recevoir les versements.");
        }

        if (value.Length != length)
        {
            return Invalid($"L'IBAN « {input?.Trim()} » est invalide : un IBAN {value[..2]} compte {length} caractères, celui-ci en compte {value.Length}.");
        }

        return Mod97(value) == 1
            ? new Iban(value)
            : Invalid($"L'IBAN « {input?.Trim()} » est invalide : sa clé de contrôle ne correspond pas (vérifiez les caractères saisis).");
    }

    /// <summary>ISO 13616 check: the first four characters moved to the end, letters as 10–35, the number modulo 97.</summary>
    public static int Mod97(string iban)
    {
        ArgumentNullException.ThrowIfNull(iban);
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var digits = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = digits < 10 ? ((remainder * 10) + digits) % 97 : ((remainder * 100) + digits) % 97;
        }

        return remainder;
    }

    public override string ToString() => Formatted;

    private static string Group(string value) =>
        string.Join(' ', Enumerable.Range(0, (value.Length + 3) / 4).Select(i => value.Substring(i * 4, Math.Min(4, value.Length - (i * 4)))));

    private static Error Invalid(string message) => Error.Validation(nameof(Iban), message) with { Code = InvalidCode };
}

/// <summary>
/// A BIC (ISO 9362): 4 letters for the bank, 2 for its country, 2 letters or digits for the place and,
/// optionally, 3 for the branch — 8 or 11 characters.
/// </summary>
public sealed record Bic
{
    public const string InvalidCode = "bank_details.bic_invalid";

    private Bic(string value) => Value = value;

    public string Value { get; }

    public string CountryCode => Value[4..6];

    public static Result<Bic> Parse(string? input)
    {
        var value = new string((input ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        var valid = value.Length is 8 or 11
            && value[..6].All(char.IsAsciiLetterUpper)
            && value[6..].All(char.IsAsciiLetterOrDigit);
        return valid
            ? new Bic(value)
            : Error.Validation(nameof(Bic), $"Le BIC « {input?.Trim()} » est invalide : il compte 8 ou 11 caractères, 6 lettres (banque et pays) puis des lettres ou des chiffres (par exemple AGRIFRPP ou CCOPFRPPXXX).") with { Code = InvalidCode };
    }

    public override string ToString() => Value;
}
