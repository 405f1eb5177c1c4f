using System.Globalization;

namespace PtceFunding.Application.Reminders;

/// <summary>The French words of reminders and calendar entries.</summary>
public static class ReminderText
{
    public static string Report(ReportKind kind, int? year) => kind switch
    {
        ReportKind.Activity => string.Create(CultureInfo.InvariantCulture, $"compte rendu d'activité de l'année {year}"),
        ReportKind.Financial => string.Create(CultureInfo.InvariantCulture, $"compte rendu financier de l'année {year}"),
        _ => "bilan final",
    };

    public static string Installment(InstallmentKind kind, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{(kind == InstallmentKind.Advance ? "avance" : "solde")} de l'année {year}");

    /// <summary>When the deadline is, seen from today: « dans 7 jours », « aujourd'hui », « il y a 15 jours ».</summary>
    public static string When(DateOnly deadline, DateOnly today)
    {
        var days = deadline.DayNumber - today.DayNumber;
        return days switch
        {
            > 1 => string.Create(CultureInfo.InvariantCulture, $"dans {days} jours"),
            1 => "demain",
            0 => "aujourd'hui",
            -1 => "hier",
            _ => string.Create(CultureInfo.InvariantCulture, $"il y a {-days} jours"),
        };
    }
}
