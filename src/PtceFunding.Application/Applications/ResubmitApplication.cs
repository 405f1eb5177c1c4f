using Microsoft.Extensions.Options;
using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Applications;

/// <summary>
/// The lead member sends the corrected application back: every rule of the version it was filed
/// under is checked again and all failures are answered at once; the officer who has the file is told.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record ResubmitApplication(Guid Id, int? ExpectedVersion) : ICommand<Result<int>>, IVersioned;

internal sealed class ResubmitApplicationHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock, IOptions<PublicSiteOptions> site)
    : ICommandHandler<ResubmitApplication, Result<int>>
{
    public async ValueTask<Result<int>> Handle(ResubmitApplication request, CancellationToken cancellationToken)
    {
        var filing = await ApplicationDrafts.ForFiling(db, user, request.Id, request, "Seul le chef de file redépose le dossier.", cancellationToken).ConfigureAwait(false);
        if (!filing.IsSuccess)
        {
            return filing.Error;
        }

        var userId = user.UserId!.Value;
        var (application, call, members, documents) = filing.Value;
        var now = clock.GetUtcNow();
        var resubmitted = application.Resubmit(call, members, documents, userId, now);
        if (!resubmitted.IsSuccess)
        {
            return resubmitted.Error;
        }

        if (application.AssignedOfficerId is { } officerId
            && await db.Users.AsNoTracking().Where(u => u.Id == officerId).Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } officer)
        {
            var lead = members.Single(m => m.OrganisationId == application.LeadOrganisationId).Name;
            await db.Enqueue(
                new OutgoingNotification(
                    officerId,
                    officer.Email ?? "",
                    NotificationTemplates.ApplicationResubmitted,
                    new Dictionary<string, string>
                    {
                        ["name"] = officer.DisplayName,
                        ["reference"] = application.Reference ?? "",
                        ["title"] = application.Title,
                        ["lead"] = lead,
                        ["link"] = site.Value.Link($"Instruction/Dossier?id={application.Id}"),
                    },
                    NotificationChannels.EmailAndInApp,
                    $"application-resubmitted:{application.Id}:v{request.ExpectedVersion}"),
                now,
                cancellationToken).ConfigureAwait(false);
        }

        return db.VersionOnceSaved(application);
    }
}
