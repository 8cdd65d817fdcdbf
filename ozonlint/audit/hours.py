"""The clock response times are measured on: all hours, or the shop's working hours in its time zone."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Optional, Tuple

from .records import EPOCH, MICROS

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def load_zone(name: Optional[str]):
    """A tzinfo for an IANA name (standard library only); UTC for None. ValueError when unknown."""
    if not name or name.upper() == "UTC":
        return timezone.utc
    try:
        from zoneinfo import ZoneInfo
        return ZoneInfo(name)
    except Exception as exc:  # ZoneInfoNotFoundError, or a malformed key
        raise ValueError(name) from exc


def parse_hours(text: str) -> Tuple[time, time]:
    """``09:00-18:00`` -> (09:00, 18:00); the end must be after the start (no overnight shifts)."""
    try:
        start_text, end_text = text.split("-")
        start, end = time.fromisoformat(start_text.strip()), time.fromisoformat(end_text.strip())
    except ValueError:
        raise ValueError(text) from None
    if end <= start:
        raise ValueError(text)
    return start, end


def parse_days(text: str) -> frozenset:
    """``mon-fri`` or ``mon,tue,sat`` -> weekday numbers (Monday 0)."""
    days = set()
    for part in text.casefold().split(","):
        part = part.strip()
        first, sep, last = part.partition("-")
        if first not in DAY_NAMES or (sep and last not in DAY_NAMES):
            raise ValueError(text)
        a = DAY_NAMES.index(first)
        b = DAY_NAMES.index(last) if sep else a
        days.update(range(a, b + 1) if a <= b else list(range(a, 7)) + list(range(0, b + 1)))
    return frozenset(days)


def _micros(moment: datetime) -> int:
    delta = moment - EPOCH
    return (delta.days * 86400 + delta.seconds) * MICROS + delta.microseconds


class Clock:
    """Elapsed time between two instants: wall time, or only the working hours in between.

    Working time counts, for each local calendar day in ``days``, the overlap of
    the interval with [start, end) of that day in ``zone`` (so a daylight-saving
    day counts the hours it really has)."""

    def __init__(self, zone=timezone.utc, hours: Optional[Tuple[time, time]] = None,
                 days: Optional[frozenset] = None) -> None:
        self.zone = zone
        self.hours = hours
        self.days = days if days is not None else frozenset(range(7))
        self._windows: dict = {}

    @property
    def working(self) -> bool:
        return self.hours is not None or len(self.days) < 7

    def describe(self) -> dict:
        return {"timezone": getattr(self.zone, "key", "UTC"),
                "working_hours": None if self.hours is None else
                f"{self.hours[0].strftime('%H:%M')}-{self.hours[1].strftime('%H:%M')}",
                "working_days": [DAY_NAMES[d] for d in sorted(self.days)]}

    def local_date(self, micros: int) -> date:
        return (EPOCH + timedelta(microseconds=micros)).astimezone(self.zone).date()

    def _window(self, day: date) -> Optional[Tuple[int, int]]:
        window = self._windows.get(day)
        if window is None and day not in self._windows:
            if day.weekday() in self.days:
                start, end = self.hours or (time(0), None)
                opens = datetime.combine(day, start, tzinfo=self.zone)
                closes = (datetime.combine(day, end, tzinfo=self.zone) if end is not None else
                          datetime.combine(day + timedelta(days=1), time(0), tzinfo=self.zone))
                window = (_micros(opens.astimezone(timezone.utc)), _micros(closes.astimezone(timezone.utc)))
            if len(self._windows) > 4096:
                self._windows.clear()
            self._windows[day] = window
        return window

    def elapsed(self, start: int, end: int) -> int:
        """Microseconds from ``start`` to ``end`` on this clock (0 when end <= start)."""
        if end <= start:
            return 0
        if not self.working:
            return end - start
        total = 0
        day = self.local_date(start) - timedelta(days=1)  # a window of the day before may reach past midnight UTC
        last = self.local_date(end)
        while day <= last:
            window = self._window(day)
            if window is not None:
                total += max(0, min(end, window[1]) - max(start, window[0]))
            day += timedelta(days=1)
        return total
