using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PtceFunding.Infrastructure.Persistence;

/// <summary>Instants are stored in UTC; this makes every DateTime read back as UTC on every provider.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

internal sealed class FunderIdConverter() : ValueConverter<FunderId, Guid>(id => id.Value, value => new FunderId(value));

internal sealed class PartnerClientIdConverter() : ValueConverter<PartnerClientId, Guid>(id => id.Value, value => new PartnerClientId(value));

internal sealed class OrganisationIdConverter() : ValueConverter<OrganisationId, Guid>(id => id.Value, value => new OrganisationId(value));

internal sealed class ProgrammeIdConverter() : ValueConverter<ProgrammeId, Guid>(id => id.Value, value => new ProgrammeId(value));

internal sealed class CallIdConverter() : ValueConverter<CallId, Guid>(id => id.Value, value => new CallId(value));

internal sealed class CommitteeSessionIdConverter() : ValueConverter<CommitteeSessionId, Guid>(id => id.Value, value => new CommitteeSessionId(value));

internal sealed class ApplicationIdConverter() : ValueConverter<FundingApplicationId, Guid>(id => id.Value, value => new FundingApplicationId(value));

internal sealed class CommitteeDecisionIdConverter() : ValueConverter<CommitteeDecisionId, Guid>(id => id.Value, value => new CommitteeDecisionId(value));

internal sealed class AgreementIdConverter() : ValueConverter<AgreementId, Guid>(id => id.Value, value => new AgreementId(value));

internal sealed class InstallmentIdConverter() : ValueConverter<InstallmentId, Guid>(id => id.Value, value => new InstallmentId(value));

internal sealed class RecoveryOrderIdConverter() : ValueConverter<RecoveryOrderId, Guid>(id => id.Value, value => new RecoveryOrderId(value));

internal sealed class BankAccountIdConverter() : ValueConverter<BankAccountId, Guid>(id => id.Value, value => new BankAccountId(value));

internal sealed class ReportIdConverter() : ValueConverter<ReportId, Guid>(id => id.Value, value => new ReportId(value));

internal sealed class ReviewerAssignmentIdConverter() : ValueConverter<ReviewerAssignmentId, Guid>(id => id.Value, value => new ReviewerAssignmentId(value));

/// <summary>
/// Immutable values stored as JSON text (rules, plans, lists): provider-neutral, read whole, replaced
/// whole. Compared by their JSON so that change tracking sees every replacement.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(property);
        var comparer = new ValueComparer<T>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(StringComparison.Ordinal),
            v => Deserialize<T>(Serialize(v)));
        property.HasConversion(v => Serialize(v), v => Deserialize<T>(v), comparer).IsRequired();
        return property;
    }

    private static string Serialize<T>(T? value) => JsonSerializer.Serialize(value, Options);

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
