using System.Globalization;

namespace PtceFunding.Domain.Common;

/// <summary>Amounts of money are decimals in euros, exact to the cent; never floating point.</summary>
public static class Money
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// The largest amount the platform takes in one line, one installment or one request: one billion euros, far above
    /// any PTCE budget and far below what sums of thousands of lines would need to overflow (docs/adr/0031).
    /// </summary>
    public const decimal Maximum = 1_000_000_000m;

    public static bool IsInCents(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>An amount of money the platform takes: from 0 to <see cref="Maximum"/>, in euros and cents.</summary>
    public static bool IsValidAmount(decimal amount) => amount is >= 0 and <= Maximum && IsInCents(amount);

    /// <summary>"12 345,67 €", as French readers expect.</summary>
    public static string Format(decimal amount) => amount.ToString("#,##0.00 €", French);
}
