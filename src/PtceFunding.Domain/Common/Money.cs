using System.Globalization;

namespace PtceFunding.Domain.Common;

/// <summary>Amounts of money are decimals in euros, exact to the cent; never floating point.</summary>
public static class Money
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static bool IsInCents(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>"12 345,67 €", as French readers expect.</summary>
    public static string Format(decimal amount) => amount.ToString("#,##0.00 €", French);
}
