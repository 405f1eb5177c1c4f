namespace PtceFunding.Domain.Applications;

// The steps of an application that others react to (the consortium and the officer are told), raised where the
// application records them in its history.

/// <summary>The lead member filed the application: it has its receipt number and, perhaps, its session.</summary>
public sealed record ApplicationSubmitted(FundingApplication Application, DateTimeOffset At) : IDomainEvent;

/// <summary>The consortium sent the corrected application back.</summary>
public sealed record ApplicationResubmitted(FundingApplication Application, DateTimeOffset At) : IDomainEvent;

/// <summary>The officer asked the consortium for corrections, by a due date.</summary>
public sealed record ApplicationCorrectionsRequested(FundingApplication Application, DateTimeOffset At) : IDomainEvent;

/// <summary>The officer declared the application ineligible, with reasons the consortium is told.</summary>
public sealed record ApplicationDeclaredIneligible(FundingApplication Application, DateTimeOffset At) : IDomainEvent;
