namespace PtceFunding.Domain.Payments;

/// <summary>Identifies a <see cref="BankAccount"/>.</summary>
public readonly record struct BankAccountId(Guid Value)
{
    public static BankAccountId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>Where an organisation's bank details stand.</summary>
public enum BankAccountStatus
{
    /// <summary>Entered, waiting for a finance officer other than the one who entered them.</summary>
    PendingApproval = 0,

    /// <summary>The details payments are ordered to; at most one per organisation.</summary>
    Approved = 1,

    Rejected = 2,

    /// <summary>Replaced: by newer approved details, or — never approved — by a newer entry.</summary>
    Superseded = 3,
}

/// <summary>
/// The bank details (coordonnées bancaires, RIB) of an organisation, as entered once. A change takes
/// effect only once a second person — a finance officer other than the one who entered it — approves
/// it (four eyes); the previous approved details are then superseded. Never edited: a correction is a
/// new entry.
/// </summary>
public sealed class BankAccount : AggregateRoot
{
    /// <summary>The SEPA limit on an account holder's name.</summary>
    public const int HolderNameMaxLength = 70;

    public const int ReasonMaxLength = 1000;

    private BankAccount()
    {
    }

    public BankAccountId Id { get; private set; }

    public OrganisationId OrganisationId { get; private set; }

    /// <summary>The account holder (titulaire du compte), as on the RIB.</summary>
    public string HolderName { get; private set; } = "";

    public Iban Iban { get; private set; } = null!;

    public Bic Bic { get; private set; } = null!;

    public BankAccountStatus Status { get; private set; }

    public Guid EnteredBy { get; private set; }

    public DateTime EnteredAt { get; private set; }

    public Guid? ApprovedBy { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    public Guid? RejectedBy { get; private set; }

    public DateTime? RejectedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    public DateTime? SupersededAt { get; private set; }

    /// <summary>The details that replaced these ones.</summary>
    public BankAccountId? SupersededBy { get; private set; }

    /// <summary>
    /// New details waiting for approval. Every field is checked and all the errors are answered at once;
    /// the code is the IBAN's when it is among them.
    /// </summary>
    public static Result<BankAccount> Enter(
        BankAccountId id, OrganisationId organisationId, string? holderName, string? iban, string? bic, Guid enteredBy, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var holder = (holderName ?? "").Trim();
        if (holder.Length == 0)
        {
            errors[nameof(HolderName)] = ["Indiquez le titulaire du compte, tel qu'il figure sur le RIB."];
        }
        else if (holder.Length > HolderNameMaxLength)
        {
            errors[nameof(HolderName)] = [$"Le titulaire du compte ne peut dépasser {HolderNameMaxLength} caractères (norme SEPA)."];
        }

        var parsedIban = Iban.Parse(iban);
        var parsedBic = Bic.Parse(bic);
        var failures = new[] { parsedIban.Error, parsedBic.Error }.OfType<Error>().ToList();
        foreach (var failure in failures)
        {
            foreach (var (field, messages) in failure.FieldErrors)
            {
                errors[field] = messages;
            }
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors) with { Code = failures.FirstOrDefault()?.Code ?? "validation" };
        }

        var account = new BankAccount
        {
            Id = id,
            OrganisationId = organisationId,
            HolderName = holder,
            Iban = parsedIban.Value,
            Bic = parsedBic.Value,
            Status = BankAccountStatus.PendingApproval,
            EnteredBy = enteredBy,
            EnteredAt = now.UtcDateTime,
        };
        account.Raise(new BankDetailsEntered(account, now));
        return account;
    }

    /// <summary>Four eyes: whoever entered the details cannot approve them.</summary>
    public Result Approve(Guid approverId, DateTimeOffset now)
    {
        var allowed = CanBeApprovedBy(approverId);
        if (!allowed.IsSuccess)
        {
            return allowed;
        }

        Status = BankAccountStatus.Approved;
        ApprovedBy = approverId;
        ApprovedAt = now.UtcDateTime;
        Raise(new BankDetailsApproved(this, now));
        return Result.Success();
    }

    /// <summary>
    /// Whether <see cref="Approve"/> would succeed, without changing anything: the previous approved
    /// details are superseded first, then these ones approved (at most one approved per organisation).
    /// </summary>
    public Result CanBeApprovedBy(Guid approverId) =>
        Status != BankAccountStatus.PendingApproval ? NotPending
        : approverId == EnteredBy ? Error.RuleBroken(
            "bank_details.second_approver_required",
            "Vous avez saisi ces coordonnées bancaires : elles doivent être approuvées par un autre gestionnaire financier.")
        : Result.Success();

    /// <summary>The same holder, IBAN and BIC: entering them again would change nothing.</summary>
    public bool HasSameDetailsAs(BankAccount other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Iban == Iban && other.Bic == Bic && string.Equals(other.HolderName, HolderName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Refused by a finance officer other than the one who entered them, with a reason the organisation receives.</summary>
    public Result Reject(Guid rejecterId, string? reason, DateTimeOffset now)
    {
        if (Status != BankAccountStatus.PendingApproval)
        {
            return NotPending;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Validation("Reason", "Indiquez le motif du refus : il est communiqué à l'organisation.");
        }

        if (rejecterId == EnteredBy)
        {
            return Error.RuleBroken(
                "bank_details.second_approver_required",
                "Vous avez saisi ces coordonnées bancaires : un autre gestionnaire financier décide de leur sort.");
        }

        Status = BankAccountStatus.Rejected;
        RejectedBy = rejecterId;
        RejectedAt = now.UtcDateTime;
        RejectionReason = reason.Trim();
        Raise(new BankDetailsRejected(this, now));
        return Result.Success();
    }

    /// <summary>
    /// Replaced by <paramref name="successor"/>: approved details once the successor is approved, or
    /// details still pending when the organisation enters newer ones (one pending change at a time).
    /// </summary>
    public Result Supersede(BankAccount successor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(successor);
        if (successor.OrganisationId != OrganisationId || successor.Id == Id)
        {
            throw new ArgumentException("Bank details are superseded only by other details of the same organisation.", nameof(successor));
        }

        if (Status is not (BankAccountStatus.Approved or BankAccountStatus.PendingApproval))
        {
            return NotPending;
        }

        Status = BankAccountStatus.Superseded;
        SupersededAt = now.UtcDateTime;
        SupersededBy = successor.Id;
        return Result.Success();
    }

    private static Error NotPending => Error.RuleBroken("bank_details.not_pending", "Ces coordonnées bancaires ont déjà été traitées.");
}

/// <summary>New bank details were entered for an organisation; they wait for a second finance officer.</summary>
public sealed record BankDetailsEntered(BankAccount Account, DateTimeOffset At) : IDomainEvent;

/// <summary>A second finance officer approved the details: payments go there from now on.</summary>
public sealed record BankDetailsApproved(BankAccount Account, DateTimeOffset At) : IDomainEvent;

/// <summary>A second finance officer refused the details, with a reason the organisation is told.</summary>
public sealed record BankDetailsRejected(BankAccount Account, DateTimeOffset At) : IDomainEvent;
