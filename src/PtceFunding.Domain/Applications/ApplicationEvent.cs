namespace PtceFunding.Domain.Applications;

/// <summary>What happened to an application, as its history shows it to officers (and, in part, to the consortium).</summary>
public enum ApplicationEventKind
{
    Submitted = 0,
    Assigned = 1,
    CorrectionsRequested = 2,
    Resubmitted = 3,
    CompletenessConfirmed = 4,
    DeclaredEligible = 5,
    DeclaredIneligible = 6,
    Proposed = 7,
    Decided = 8,
    RolledToNextSession = 9,
    Withdrawn = 10,
}

/// <summary>One line of an application's history (historique du dossier): when, who, what, in French.</summary>
public sealed class ApplicationEvent
{
    private ApplicationEvent()
    {
    }

    internal ApplicationEvent(FundingApplicationId applicationId, ApplicationEventKind kind, Guid? actorId, string details, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        Kind = kind;
        ActorId = actorId;
        Details = details;
        At = at.UtcDateTime;
    }

    public Guid Id { get; private set; }

    public FundingApplicationId ApplicationId { get; private set; }

    public ApplicationEventKind Kind { get; private set; }

    public Guid? ActorId { get; private set; }

    public string Details { get; private set; } = "";

    public DateTime At { get; private set; }
}

/// <summary>A funder whose officers instruct the application: a funder of the call whose territory contains the lead member's region.</summary>
public sealed class ApplicationRoute
{
    private ApplicationRoute()
    {
    }

    internal ApplicationRoute(FundingApplicationId applicationId, Funders.FunderId funderId)
    {
        ApplicationId = applicationId;
        FunderId = funderId;
    }

    public FundingApplicationId ApplicationId { get; private set; }

    public Funders.FunderId FunderId { get; private set; }
}

/// <summary>How the proposed (and later agreed) amount is spread over the years.</summary>
public enum ScheduleShape
{
    Flat = 0,
    Tapering = 1,
    RampUp = 2,
}
