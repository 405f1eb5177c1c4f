using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Applications;

// What people are told as an application moves: written to the outbox in the transaction of the step that moved it.

/// <summary>The person who filed the application receives its acknowledgement, with its receipt number and session.</summary>
internal sealed class AcknowledgeSubmission(IPtceDbContext db, ILinks links) : DomainEventSubscriber<ApplicationSubmitted>
{
    protected override async Task Handle(ApplicationSubmitted submitted, CancellationToken cancellationToken)
    {
        var application = submitted.Application;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken).ConfigureAwait(false);
        var session = application.SessionId is { } sessionId
            ? await db.CommitteeSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false)
            : null;
        var lead = await db.OrganisationName(application.LeadOrganisationId, cancellationToken).ConfigureAwait(false);
        await db.NotifyUser(
            application.SubmittedBy!.Value,
            new Notices.ApplicationAcknowledged(
                Reference: application.Reference!,
                Title: application.Title,
                Call: call.Title,
                SubmittedAt: FrenchFormat.DateTime(submitted.At, call.TimeZoneId),
                Lead: lead,
                Session: session is null
                    ? "Aucune session du comité n'est encore planifiée pour cet appel : votre dossier sera rattaché à la prochaine session, dès sa création."
                    : $"Il sera examiné par la session « {session.Name} » (dépôts jusqu'au {FrenchFormat.Date(session.CutOffDate)}, comité du {FrenchFormat.Date(session.MeetingDate)}).")
            {
                Link = links.ApplicationFile(application.Id),
            },
            $"application-acknowledged:{application.Id}",
            submitted.At,
            cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The officer who instructs the file is told it came back corrected.</summary>
internal sealed class TellOfficerOfResubmission(IPtceDbContext db, ILinks links) : DomainEventSubscriber<ApplicationResubmitted>
{
    protected override async Task Handle(ApplicationResubmitted resubmitted, CancellationToken cancellationToken)
    {
        var application = resubmitted.Application;
        if (application.AssignedOfficerId is not { } officerId)
        {
            return;
        }

        var lead = await db.OrganisationName(application.LeadOrganisationId, cancellationToken).ConfigureAwait(false);
        await db.NotifyUser(
            officerId,
            new Notices.ApplicationResubmitted(Reference: application.Reference ?? "", Lead: lead, Title: application.Title) { Link = links.Instruction(application.Id) },
            $"application-resubmitted:{application.Id}:v{application.Version}",
            resubmitted.At,
            cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The lead member's verified users are told what to correct and by when.</summary>
internal sealed class TellConsortiumOfCorrections(IPtceDbContext db, ILinks links) : DomainEventSubscriber<ApplicationCorrectionsRequested>
{
    protected override Task Handle(ApplicationCorrectionsRequested requested, CancellationToken cancellationToken) =>
        db.TellLeadMember(
            requested.Application,
            call => new Notices.CorrectionsRequested(
                Reference: requested.Application.Reference ?? "",
                Title: requested.Application.Title,
                Call: call,
                Items: string.Join("\n", requested.Application.CorrectionItems.Select(i => $"– {i}")),
                DueOn: requested.Application.CorrectionsDueOn!.Value)
            { Link = links.ApplicationFile(requested.Application.Id) },
            $"corrections-requested:{requested.Application.Id}:v{requested.Application.Version}",
            requested.At,
            cancellationToken);
}

/// <summary>The lead member's verified users are told the application is ineligible, and why.</summary>
internal sealed class TellConsortiumOfIneligibility(IPtceDbContext db, ILinks links) : DomainEventSubscriber<ApplicationDeclaredIneligible>
{
    protected override Task Handle(ApplicationDeclaredIneligible declared, CancellationToken cancellationToken) =>
        db.TellLeadMember(
            declared.Application,
            call => new Notices.ApplicationIneligible(
                Reference: declared.Application.Reference ?? "", Title: declared.Application.Title, Call: call, Reasons: declared.Application.IneligibilityReasons ?? "")
            {
                Link = links.ApplicationFile(declared.Application.Id),
            },
            $"application-ineligible:{declared.Application.Id}",
            declared.At,
            cancellationToken);
}

internal static class ApplicationNotices
{
    /// <summary>Writes the notice (given the call's title) to every verified user of the application's lead member.</summary>
    public static async Task TellLeadMember(
        this IPtceDbContext db, FundingApplication application, Func<string, Notice> notice, string deduplicationKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == application.CallId).Select(c => c.Title).SingleAsync(cancellationToken).ConfigureAwait(false);
        await db.NotifyVerifiedUsers(application.LeadOrganisationId, notice(call), deduplicationKey, at, cancellationToken).ConfigureAwait(false);
    }
}
