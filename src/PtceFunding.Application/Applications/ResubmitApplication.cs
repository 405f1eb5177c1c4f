using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Application.Notifications;
using PtceFunding.Domain.Applications;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Notifications;
using PtceFunding.Domain.Users;

namespace PtceFunding.Application.Applications;

/// <summary>
/// The lead member sends the corrected application back: every rule of the version it was filed
/// under is checked again and all failures are answered at once; the officer who has the file is told.
/// </summary>
public sealed record ResubmitApplication(Guid Id, int ExpectedVersion) : ICommand<Result<int>>;

internal sealed class ResubmitApplicationValidator : AbstractValidator<ResubmitApplication>
{
    public ResubmitApplicationValidator() => RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithMessage("La version attendue est invalide.");
}

internal sealed class ResubmitApplicationAuthorizer(ICurrentUser user) : IAuthorizer<ResubmitApplication>
{
    public Task<Result> Authorize(ResubmitApplication request, CancellationToken cancellationToken) => Task.FromResult(user.RequireRole(Roles.Applicant));
}

internal sealed class ResubmitApplicationHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock, IOptions<PublicSiteOptions> site)
    : IRequestHandler<ResubmitApplication, Result<int>>
{
    public async Task<Result<int>> Handle(ResubmitApplication request, CancellationToken cancellationToken)
    {
        var userId = user.UserId!.Value;
        var id = new FundingApplicationId(request.Id);
        var application = await db.Applications.EditableBy(db, userId).FirstOrDefaultAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
        if (application is null)
        {
            return ApplicationAccess.NotFound;
        }

        if (!await db.ActsForLeadMember(application, userId, cancellationToken).ConfigureAwait(false))
        {
            return Error.Forbidden("application.lead_member_only", "Seul le chef de file redépose le dossier.");
        }

        if (application.Version != request.ExpectedVersion)
        {
            return Concurrency.Stale(application.Version);
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken).ConfigureAwait(false);
        var members = await MemberProfiles.Of(db, [.. application.Members.Select(m => m.OrganisationId)], cancellationToken).ConfigureAwait(false);
        var documents = await db.ApplicationDocuments.Where(d => d.ApplicationId == id && d.RequiredDocumentCode != null)
            .Select(d => d.RequiredDocumentCode!).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
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

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return application.Version;
    }
}
