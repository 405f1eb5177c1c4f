using System.Reflection;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Payments;
using PtceFunding.Domain.Agreements;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Committee;
using PtceFunding.Domain.Notifications;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Payments;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Reviews;
using PtceFunding.Web.Presentation;

namespace PtceFunding.IntegrationTests.Presentation;

/// <summary>One label and one badge per displayed enum value, from one kit; no page keeps a map of its own.</summary>
public sealed class PresentationKitTests
{
    private static readonly Type[] Labelled =
    [
        typeof(ApplicationStatus), typeof(AgreementStatus), typeof(InstallmentStatus), typeof(InstallmentKind), typeof(RecoveryCause),
        typeof(RecoveryState), typeof(ReportStatus), typeof(ReportState), typeof(ReportKind), typeof(AmendmentKind), typeof(LegalForm),
        typeof(CallStatus), typeof(SessionStatus), typeof(DecisionOutcome), typeof(ScheduleShape), typeof(ApplicationEventKind),
        typeof(ReviewOpinion), typeof(ConflictDeclaration), typeof(ExpenseCategory), typeof(ResourceSource), typeof(MemberRole),
        typeof(BankAccountStatus), typeof(MembershipStatus), typeof(DeliveryStatus), typeof(ScheduledJobState),
    ];

    private static readonly Type[] Badged =
    [
        typeof(ApplicationStatus), typeof(AgreementStatus), typeof(InstallmentStatus), typeof(RecoveryState), typeof(ReportStatus),
        typeof(CallStatus), typeof(SessionStatus), typeof(DecisionOutcome), typeof(BankAccountStatus), typeof(MembershipStatus),
        typeof(DeliveryStatus), typeof(ScheduledJobState),
    ];

    public static TheoryData<Type> LabelledEnums => [.. Labelled];

    public static TheoryData<Type> BadgedEnums => [.. Badged];

    [Fact]
    public void The_kit_labels_exactly_the_displayed_enums_once_each()
    {
        Assert.Equal(Labelled.OrderBy(t => t.Name), EnumOverloads(typeof(Labels)).OrderBy(t => t.Name));
    }

    [Fact]
    public void The_kit_badges_exactly_the_status_enums_once_each()
    {
        Assert.Equal(Badged.OrderBy(t => t.Name), EnumOverloads(typeof(Badges)).OrderBy(t => t.Name));
    }

    [Theory]
    [MemberData(nameof(LabelledEnums))]
    public void Every_value_has_one_French_label_of_its_own(Type type)
    {
        var labels = Enum.GetValues(type).Cast<Enum>().ToDictionary(v => v, v => Call(typeof(Labels), v));

        Assert.All(labels, l => Assert.False(string.IsNullOrWhiteSpace(l.Value), $"{type.Name}.{l.Key} has no label"));
        var shared = labels.GroupBy(l => l.Value).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(l => l.Key))}");
        Assert.Empty(shared);
    }

    [Theory]
    [MemberData(nameof(BadgedEnums))]
    public void Every_status_has_one_DSFR_badge(Type type)
    {
        Assert.All(Enum.GetValues(type).Cast<Enum>(), value => Assert.Contains(Call(typeof(Badges), value), Badges.All));
    }

    [Fact]
    public void The_contradicting_labels_are_settled_one_way()
    {
        Assert.Equal("Linéaire", Labels.Of(ScheduleShape.Flat));
        Assert.Equal("Non retenu", Labels.Of(ApplicationStatus.Rejected));
        Assert.Equal("Non retenu", Labels.Of(DecisionOutcome.Rejected));
        Assert.Equal("Impossible de déposer un dossier au statut « Non retenu ».", ApplicationWorkflow.Next(ApplicationStatus.Rejected, ApplicationAction.Submit).Error?.Message);
        Assert.Equal(Badges.Warning, Badges.Of(InstallmentStatus.Ordered));
    }

    [Fact]
    public void A_page_shows_the_label_the_API_returns()
    {
        Assert.All(Enum.GetValues<InstallmentStatus>(), s => Assert.Equal(PaymentText.StatusLabel(s), Labels.Of(s)));
        Assert.All(Enum.GetValues<AgreementStatus>(), s => Assert.Equal(AgreementWorkflow.StatusLabel(s), Labels.Of(s)));
    }

    /// <summary>A hint (a sentence explaining a choice in a form) is page copy, not a label.</summary>
    [Fact]
    public void No_page_maps_an_enum_to_words_outside_the_kit()
    {
        var web = typeof(Labels).Assembly;
        var strays = web.GetTypes()
            .Where(t => t.Namespace?.StartsWith("PtceFunding.Web.Pages", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters() is [{ ParameterType: var p }] && (Nullable.GetUnderlyingType(p) ?? p).IsEnum
                && (m.ReturnType == typeof(string) || m.ReturnType.Name.StartsWith("ValueTuple", StringComparison.Ordinal))
                && !m.Name.EndsWith("Hint", StringComparison.Ordinal))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.Empty(strays);
    }

    [Fact]
    public void Dates_and_amounts_have_one_French_format()
    {
        Assert.Equal("30/06/2028", Formats.Date(new DateOnly(2028, 6, 30)));
        Assert.Equal("30/06/2028 à 10:00", Formats.DateTime(new DateTime(2028, 6, 30, 8, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("01/12/2026", Formats.Date(new DateTime(2026, 11, 30, 23, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("12 345,67 €", Formats.Money(12_345.67m).Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Equal("12345,67", Formats.Input(12_345.67m));
    }

    private static IEnumerable<Type> EnumOverloads(Type kit) =>
        kit.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == "Of" && m.GetParameters() is [{ ParameterType.IsEnum: true }])
            .Select(m => m.GetParameters()[0].ParameterType);

    private static string Call(Type kit, Enum value) =>
        (string)kit.GetMethod("Of", [value.GetType()])!.Invoke(null, [value])!;
}
