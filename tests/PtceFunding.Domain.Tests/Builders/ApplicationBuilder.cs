using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;

namespace PtceFunding.Domain.Tests.Builders;

/// <summary>
/// A complete, eligible draft of a 2-year project: an ESS lead (SCIC) and a local authority partner in
/// Auvergne-Rhône-Alpes, a plan balanced each year, amounts asked of both funders matching the plan,
/// the call's indicators and documents. Each test changes what it is about.
/// </summary>
internal sealed class ApplicationBuilder(Call call)
{
    public static readonly DateTimeOffset StartedAt = new(2027, 2, 1, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset SubmittedAt = new(2027, 3, 10, 10, 0, 0, TimeSpan.Zero);
    public static readonly Guid Applicant = Guid.NewGuid();

    private MemberProfile _lead = Lead();
    private IReadOnlyList<MemberProfile> _partners = [Partner()];
    private string _category = "PTCE émergent";
    private string _description = "Une coopération pour relocaliser la transformation alimentaire.";
    private int? _durationYears = 2;
    private FinancingPlan _plan = BalancedPlan;
    private IReadOnlyList<RequestedAmount> _requested = [new(CallBuilder.State, 80_000m), new(CallBuilder.Region, 50_000m)];
    private IReadOnlyList<IndicatorCommitment> _indicators = [new("emplois", 3m, [5m, 8m])];
    private IReadOnlyList<string> _documents = ["statuts", "budget"];

    /// <summary>Year 1: 80 000 € of expenses; year 2: 80 000 €; each year 40 000 € from the State, 25 000 € from the Region, 15 000 € own revenue.</summary>
    public static FinancingPlan BalancedPlan { get; } = new(
        [
            new(1, ExpenseCategory.Staff, 60_000m),
            new(1, ExpenseCategory.ExternalServices, 20_000m),
            new(2, ExpenseCategory.Staff, 70_000m),
            new(2, ExpenseCategory.Purchases, 10_000m),
        ],
        [
            new(1, ResourceSource.State, 40_000m, CallBuilder.State),
            new(1, ResourceSource.Region, 25_000m, CallBuilder.Region),
            new(1, ResourceSource.OwnRevenue, 15_000m),
            new(2, ResourceSource.State, 40_000m, CallBuilder.State),
            new(2, ResourceSource.Region, 25_000m, CallBuilder.Region),
            new(2, ResourceSource.OwnRevenue, 15_000m),
        ]);

    public static MemberProfile Lead(LegalForm legalForm = LegalForm.Scic, bool isEss = true, string regionCode = "84") =>
        new(OrganisationId.New(), "Les Ateliers du Diois", legalForm, isEss, regionCode);

    public static MemberProfile Partner(
        string name = "Communauté de communes du Diois", LegalForm legalForm = LegalForm.LocalAuthority, bool isEss = false, string regionCode = "84") =>
        new(OrganisationId.New(), name, legalForm, isEss, regionCode);

    public ApplicationBuilder WithLead(MemberProfile lead)
    {
        _lead = lead;
        return this;
    }

    public ApplicationBuilder WithPartners(params MemberProfile[] partners)
    {
        _partners = partners;
        return this;
    }

    public ApplicationBuilder InCategory(string category)
    {
        _category = category;
        return this;
    }

    public ApplicationBuilder WithDescription(string description)
    {
        _description = description;
        return this;
    }

    public ApplicationBuilder LastingYears(int? durationYears)
    {
        _durationYears = durationYears;
        return this;
    }

    public ApplicationBuilder WithPlan(FinancingPlan plan)
    {
        _plan = plan;
        return this;
    }

    public ApplicationBuilder Requesting(params RequestedAmount[] requested)
    {
        _requested = requested;
        return this;
    }

    public ApplicationBuilder CommittingTo(params IndicatorCommitment[] indicators)
    {
        _indicators = indicators;
        return this;
    }

    public ApplicationBuilder Attaching(params string[] documentCodes)
    {
        _documents = documentCodes;
        return this;
    }

    public DraftApplication Build()
    {
        var application = FundingApplication.Start(
            FundingApplicationId.New(), call, _category, 1, _lead, "Filière alimentaire du Diois", Applicant, StartedAt).Value;
        Succeeds(application.DescribeProject(new ProjectDescription(
            application.Title, _description, "Vallée de la Drôme", ["Alimentation"], new DateOnly(2027, 9, 1), _durationYears)));
        Succeeds(application.ComposeConsortium(
            [new ConsortiumMember(_lead.OrganisationId, MemberRole.Founding, IsLead: true), .. _partners.Select(p => new ConsortiumMember(p.OrganisationId, MemberRole.Partner, IsLead: false))]));
        Succeeds(application.PlanFinancing(_plan, _requested));
        Succeeds(application.CommitToIndicators(_indicators));
        return new DraftApplication(application, call, [_lead, .. _partners], _documents);
    }

    private static void Succeeds(Result result) => Assert.True(result.IsSuccess, result.Error?.Code);
}

/// <summary>A built draft, with what submitting it needs: its call, the members' registry profiles and the attached documents.</summary>
internal sealed record DraftApplication(FundingApplication Application, Call Call, IReadOnlyList<MemberProfile> Profiles, IReadOnlyList<string> Documents)
{
    public IReadOnlyList<Error> Failures(DateTimeOffset? at = null) =>
        Application.SubmissionFailures(Call, Profiles, Documents, at ?? ApplicationBuilder.SubmittedAt);

    public IReadOnlyList<string> FailureCodes(DateTimeOffset? at = null) => [.. Failures(at).Select(f => f.Code)];

    public Result Submit(DateTimeOffset? at = null, params CommitteeSession[] sessions) =>
        Application.Submit(Call, Profiles, Documents, sessions, [], ApplicationBuilder.Applicant, at ?? ApplicationBuilder.SubmittedAt);

    public Result SubmitTo(params Funder[] funders) =>
        Application.Submit(Call, Profiles, Documents, [], funders, ApplicationBuilder.Applicant, ApplicationBuilder.SubmittedAt);
}
