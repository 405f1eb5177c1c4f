using PtceFunding.Application.Notifications;

namespace PtceFunding.Application.Payments;

// An organisation's verified users are told of every step of its bank details, the IBAN masked (e-mail leaves the
// platform): a change nobody in the organisation made is seen at once.

internal sealed class TellOrganisationOfEnteredBankDetails(IPtceDbContext db, ILinks links) : DomainEventSubscriber<BankDetailsEntered>
{
    protected override Task Handle(BankDetailsEntered entered, CancellationToken cancellationToken) =>
        BankDetailsNotices.Send(db, links, entered.Account, entered.At, (organisation, at) => new Notices.BankDetailsSubmitted(
            Organisation: organisation, At: at, Holder: entered.Account.HolderName, Iban: entered.Account.Iban.Masked), cancellationToken);
}

internal sealed class TellOrganisationOfApprovedBankDetails(IPtceDbContext db, ILinks links) : DomainEventSubscriber<BankDetailsApproved>
{
    protected override Task Handle(BankDetailsApproved approved, CancellationToken cancellationToken) =>
        BankDetailsNotices.Send(db, links, approved.Account, approved.At, (organisation, at) => new Notices.BankDetailsApproved(
            Organisation: organisation, Holder: approved.Account.HolderName, Iban: approved.Account.Iban.Masked, At: at), cancellationToken);
}

internal sealed class TellOrganisationOfRejectedBankDetails(IPtceDbContext db, ILinks links) : DomainEventSubscriber<BankDetailsRejected>
{
    protected override Task Handle(BankDetailsRejected rejected, CancellationToken cancellationToken) =>
        BankDetailsNotices.Send(db, links, rejected.Account, rejected.At, (organisation, _) => new Notices.BankDetailsRejected(
            Organisation: organisation, Holder: rejected.Account.HolderName, Iban: rejected.Account.Iban.Masked, Reason: rejected.Account.RejectionReason ?? ""), cancellationToken);
}

internal static class BankDetailsNotices
{
    /// <summary>Writes the notice (given the organisation's name and the moment in its region's time) to its verified users.</summary>
    public static async Task Send(
        IPtceDbContext db, ILinks links, BankAccount account, DateTimeOffset at, Func<string, string, Notice> notice, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == account.OrganisationId).Select(o => new { o.Name, o.RegionCode })
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var moment = FrenchFormat.DateTime(at, FrenchRegion.Find(organisation.RegionCode)?.TimeZoneId ?? FrenchRegion.MetropolitanTimeZone);
        var message = notice(organisation.Name, moment) with { Link = links.BankDetails(account.OrganisationId) };
        await db.NotifyVerifiedUsers(
            account.OrganisationId,
            message,
            $"bank-details:{message.Template}:{account.Id}",
            at,
            cancellationToken).ConfigureAwait(false);
    }
}
