using System.Globalization;
using PtceFunding.Application.Calls;
using PtceFunding.Application.Funders;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Territories;

namespace PtceFunding.Web.Pages.Admin.Calls;

/// <summary>The details of a call as the form posts them: lists one item per line, one row per funder.</summary>
public sealed class CallDetailsForm
{
    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public CallMode Mode { get; set; }

    public DateOnly? OpensOn { get; set; }

    public DateOnly? ClosesOn { get; set; }

    public bool IsTwoStage { get; set; }

    /// <summary>One category per line.</summary>
    public string? Categories { get; set; }

    public List<FunderRow> Funders { get; set; } = [];

    public static CallDetailsForm For(IReadOnlyList<FunderSummary> funders, Guid? preselected) => new()
    {
        Funders = [.. funders.Select(f => new FunderRow { FunderId = f.Id, Name = f.Name, Selected = f.Id == preselected })],
    };

    public static CallDetailsForm From(CallView call, IReadOnlyList<FunderSummary> funders) => new()
    {
        Title = call.Title,
        Description = call.Description,
        Mode = call.Mode,
        OpensOn = call.OpensOn,
        ClosesOn = call.ClosesOn,
        IsTwoStage = call.IsTwoStage,
        Categories = string.Join('\n', call.Categories),
        Funders = [.. funders.Select(f =>
        {
            var inCall = call.Funders.FirstOrDefault(c => c.FunderId == f.Id);
            return new FunderRow { FunderId = f.Id, Name = f.Name, Selected = inCall is not null, Envelope = inCall?.Envelope.ToString("0.##", CultureInfo.InvariantCulture) };
        })],
    };

    public CallDetailsInput ToInput(string timeZoneId) => new(
        Title,
        Description,
        Mode,
        OpensOn ?? DateOnly.MinValue,
        ClosesOn,
        timeZoneId,
        IsTwoStage,
        FormLists.Lines(Categories),
        [.. Funders.Where(f => f.Selected).Select(f => new CallFunderInput(f.FunderId, FormLists.Amount(f.Envelope) ?? 0m))]);
}

public sealed class FunderRow
{
    public Guid FunderId { get; set; }

    public string Name { get; set; } = "";

    public bool Selected { get; set; }

    public string? Envelope { get; set; }
}

/// <summary>The rules of a call as the form posts them: checkboxes, and lists as "code | libellé | …" lines.</summary>
public sealed class CallRulesForm
{
    public bool EssRequired { get; set; }

    public int MinimumMembers { get; set; } = 1;

    public List<LegalForm> LegalForms { get; set; } = [];

    public List<string> RegionCodes { get; set; } = [];

    public string? MaximumAmount { get; set; }

    public int MaximumDurationYears { get; set; } = 3;

    /// <summary>"code | libellé" per line.</summary>
    public string? Documents { get; set; }

    /// <summary>"code | libellé | unité" per line.</summary>
    public string? Indicators { get; set; }

    /// <summary>"code | libellé | poids | barème" per line.</summary>
    public string? Grid { get; set; }

    public static CallRulesForm From(CallRules rules) => new()
    {
        EssRequired = rules.Eligibility.EssRequired,
        MinimumMembers = rules.Eligibility.MinimumMembers,
        LegalForms = [.. rules.Eligibility.AllowedLegalForms],
        RegionCodes = [.. rules.Eligibility.RegionCodes],
        MaximumAmount = rules.Eligibility.MaximumAmount?.ToString("0.##", CultureInfo.InvariantCulture),
        MaximumDurationYears = rules.Eligibility.MaximumDurationYears,
        Documents = string.Join('\n', rules.Documents.Select(d => $"{d.Code} | {d.Label}")),
        Indicators = string.Join('\n', rules.Indicators.Select(i => $"{i.Code} | {i.Label} | {i.Unit}")),
        Grid = string.Join('\n', rules.Grid.Select(c => $"{c.Code} | {c.Label} | {c.Weight.ToString(CultureInfo.InvariantCulture)} | {c.ScaleMax}")),
    };

    /// <summary>Malformed lines become incomplete items, which the domain's check reports in French.</summary>
    public CallRules ToRules() => new(
        new EligibilityRules(EssRequired, MinimumMembers, LegalForms, RegionCodes, FormLists.Amount(MaximumAmount), MaximumDurationYears),
        [.. FormLists.Rows(Documents).Select(r => new RequiredDocument(r.At(0), r.At(1)))],
        [.. FormLists.Rows(Indicators).Select(r => new IndicatorDefinition(r.At(0), r.At(1), r.At(2)))],
        [.. FormLists.Rows(Grid).Select(r => new ScoringCriterion(r.At(0), r.At(1), FormLists.Amount(r.At(2)) ?? 0m, int.TryParse(r.At(3), CultureInfo.InvariantCulture, out var scale) ? scale : 0))]);

    public static IReadOnlyList<(LegalForm Form, string Label)> AllLegalForms { get; } =
        [.. Enum.GetValues<LegalForm>().Select(f => (f, Domain.Organisations.LegalForms.Label(f)))];

    public static IReadOnlyList<FrenchRegion> AllRegions => FrenchRegion.All;
}

/// <summary>Reading the plain-text lists and amounts of the forms.</summary>
public static class FormLists
{
    public static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static IEnumerable<string[]> Rows(string? text) => Lines(text).Select(line => line.Split('|', StringSplitOptions.TrimEntries));

    public static string At(this string[] row, int index) => index < row.Length ? row[index] : "";

    /// <summary>"250 000,50" or "250000.50"; null when empty, -1 (refused by the domain) when unreadable.</summary>
    public static decimal? Amount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalised = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != '€')]).Replace(',', '.');
        return decimal.TryParse(normalised, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : -1m;
    }

    /// <summary>The message of an error and each field error and failure, for an alert.</summary>
    public static IReadOnlyList<string> Describe(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return [.. error.FieldErrors.SelectMany(f => f.Value), .. error.Failures.Select(f => f.Message)];
    }
}
