using PtceFunding.Domain.Calls;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;
using PtceFunding.Domain.Territories;

namespace PtceFunding.Domain.Tests.Builders;

/// <summary>
/// A published continuous call of the State and a Region, categories "PTCE émergent" / "PTCE en consolidation",
/// open from 15 January 2027 in Paris time; each test changes what it is about.
/// </summary>
internal sealed class CallBuilder
{
    public static readonly DateTimeOffset DraftedAt = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly OpeningDay = new(2027, 1, 15);

    public static readonly FunderId State = FunderId.New();
    public static readonly FunderId Region = FunderId.New();

    private CallMode _mode = CallMode.Continuous;
    private DateOnly _opensOn = OpeningDay;
    private DateOnly? _closesOn;
    private string _timeZoneId = FrenchRegion.MetropolitanTimeZone;
    private bool _isTwoStage;
    private IReadOnlyList<string> _categories = ["PTCE émergent", "PTCE en consolidation"];
    private IReadOnlyList<CallFunder> _funders = [new(State, 3_000_000m), new(Region, 1_000_000m)];
    private EligibilityRules _eligibility = DefaultEligibility;
    private IReadOnlyList<RequiredDocument> _documents = DefaultDocuments;
    private IReadOnlyList<IndicatorDefinition> _indicators = [new("emplois", "Emplois créés", "ETP")];
    private IReadOnlyList<ScoringCriterion> _grid = DefaultGrid;
    private bool _published = true;

    public static EligibilityRules DefaultEligibility { get; } = new(
        EssRequired: true,
        MinimumMembers: 2,
        AllowedLegalForms: [LegalForm.Association, LegalForm.Scop, LegalForm.Scic, LegalForm.Sas, LegalForm.LocalAuthority],
        RegionCodes: [],
        MaximumAmount: 200_000m,
        MaximumDurationYears: 3);

    public static IReadOnlyList<RequiredDocument> DefaultDocuments { get; } =
        [new("statuts", "Statuts de chaque membre"), new("budget", "Budget prévisionnel")];

    public static IReadOnlyList<ScoringCriterion> DefaultGrid { get; } =
        [new("ancrage", "Ancrage territorial", 40m, 5), new("cooperation", "Coopération entre membres", 60m, 5)];

    public CallRules Rules => new(_eligibility, _documents, _indicators, _grid);

    public CallDetails Details => new(
        "AMI PTCE permanent", "Appel à manifestation d'intérêt permanent", _mode, _opensOn, _closesOn, _timeZoneId, _isTwoStage, _categories, _funders);

    public CallBuilder Draft()
    {
        _published = false;
        return this;
    }

    public CallBuilder FixedWindow(DateOnly opensOn, DateOnly closesOn)
    {
        _mode = CallMode.FixedWindow;
        _opensOn = opensOn;
        _closesOn = closesOn;
        return this;
    }

    public CallBuilder InTimeZone(string timeZoneId)
    {
        _timeZoneId = timeZoneId;
        return this;
    }

    public CallBuilder TwoStage()
    {
        _isTwoStage = true;
        return this;
    }

    public CallBuilder WithCategories(params string[] categories)
    {
        _categories = categories;
        return this;
    }

    public CallBuilder WithFunders(params CallFunder[] funders)
    {
        _funders = funders;
        return this;
    }

    public CallBuilder WithEligibility(Func<EligibilityRules, EligibilityRules> change)
    {
        _eligibility = change(_eligibility);
        return this;
    }

    public CallBuilder WithDocuments(params RequiredDocument[] documents)
    {
        _documents = documents;
        return this;
    }

    public CallBuilder WithIndicators(params IndicatorDefinition[] indicators)
    {
        _indicators = indicators;
        return this;
    }

    public CallBuilder WithGrid(params ScoringCriterion[] grid)
    {
        _grid = grid;
        return this;
    }

    public Call Build()
    {
        var call = Call.Draft(CallId.New(), ProgrammeId.New(), Details, Rules, DraftedAt).Value;
        if (_published)
        {
            var published = call.Publish(DraftedAt.AddDays(1));
            Assert.True(published.IsSuccess, published.Error?.Code);
        }

        return call;
    }
}
