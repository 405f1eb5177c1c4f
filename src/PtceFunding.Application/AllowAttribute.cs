namespace PtceFunding.Application;

/// <summary>
/// Declares who may send a request. Read once per request type by the authorization step of the
/// pipeline; a request without it is refused (fail-closed). Which resource the caller may touch
/// (territory, consortium, conflicts of interest) is checked by the feature's <c>*Access</c> helper.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class AllowAttribute(Audience audience) : Attribute
{
    public Audience Audience { get; } = audience;
}
