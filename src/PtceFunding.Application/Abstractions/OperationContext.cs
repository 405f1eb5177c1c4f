namespace PtceFunding.Application.Abstractions;

/// <summary>
/// Names the operation in progress in this scope (a command, a sign-in, a seeding) so that the
/// audit entries written by the database say why a change happened.
/// </summary>
public sealed class OperationContext
{
    public string? Name { get; set; }
}
