using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PtceFunding.Domain.Funders;
using PtceFunding.Domain.Organisations;

namespace PtceFunding.Infrastructure.Persistence;

/// <summary>Instants are stored in UTC; this makes every DateTime read back as UTC on every provider.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

internal sealed class FunderIdConverter() : ValueConverter<FunderId, Guid>(id => id.Value, value => new FunderId(value));

internal sealed class OrganisationIdConverter() : ValueConverter<OrganisationId, Guid>(id => id.Value, value => new OrganisationId(value));
