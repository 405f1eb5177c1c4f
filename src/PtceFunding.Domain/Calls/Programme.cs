namespace PtceFunding.Domain.Calls;

/// <summary>Identifies a <see cref="Programme"/>.</summary>
public readonly record struct ProgrammeId(Guid Value)
{
    public static ProgrammeId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>A funding programme (programme de financement) under which calls are published, e.g. the State's PTCE programme.</summary>
public sealed class Programme : AggregateRoot
{
    private Programme()
    {
    }

    public ProgrammeId Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static Programme Create(ProgrammeId id, string name, string description, DateTimeOffset now) => new()
    {
        Id = id,
        Name = name.Trim(),
        Description = description.Trim(),
        CreatedAt = now.UtcDateTime,
    };

    public void Describe(string name, string description)
    {
        Name = name.Trim();
        Description = description.Trim();
    }
}
