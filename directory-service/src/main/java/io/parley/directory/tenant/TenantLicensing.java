package io.parley.directory.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** License limits of a tenant (reference 3.6.1, fieldset_licensing): {@code null} means no limit. */
@Embeddable
public class TenantLicensing {

    @Column(name = "recording_seats")
    public Integer recordingSeats;

    @Column(name = "recording_sessions")
    public Integer recordingSessions;

    @Column(name = "screen_recording_seats")
    public Integer screenRecordingSeats;

    @Column(name = "monitoring_seats")
    public Integer monitoringSeats;

    @Column(name = "monitoring_sessions")
    public Integer monitoringSessions;

    @Column(name = "evaluation_seats")
    public Integer evaluationSeats;

    @Column(name = "speech_analytics")
    public Integer speechAnalytics;
}
