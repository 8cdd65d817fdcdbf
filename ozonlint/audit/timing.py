"""Response times of one chat (the definitions are in the README, "Shop audit").

The chat is put in time order: by ``created_at``; equal times by message id
(numerically) when every message of the chat has a numeric id, else by the
order the messages were read, a chat read newest first (its first message
later than its last, as the Seller API pages) being read from its end.
Then, walking forward: a buyer message waits until the next seller message;
every buyer message waiting at that moment is answered by it, each with its
own response time; seller messages with nobody waiting answer nothing; other
authors (support, system, courier, notifications) neither wait nor answer.
"""
from __future__ import annotations

from typing import List, NamedTuple, Optional, Sequence

from .hours import Clock
from .records import BUYER, SELLER, Message


class ChatTimes(NamedTuple):
    """What one chat contributes to the response figures."""

    buyer_messages: int
    response_times: List[int]          # microseconds, one per answered buyer message, in chat order
    first_response: Optional[int]      # from the first buyer message to the first answer; None: unanswered
    waiting_since: Optional[int]       # the oldest unanswered buyer message after the last answer
    waiting_count: int                 # buyer messages unanswered at the end of the chat


def in_time_order(messages: Sequence[Message]) -> List[Message]:
    ordered = list(messages)
    if len(ordered) > 1 and ordered[0].time > ordered[-1].time:
        ordered.reverse()
    if all(m.message_id is not None and m.message_id.isdigit() for m in ordered):
        ordered.sort(key=lambda m: (m.time, int(m.message_id)))  # type: ignore[arg-type]
    else:
        ordered.sort(key=lambda m: m.time)
    return ordered


def chat_times(messages: Sequence[Message], clock: Clock) -> ChatTimes:
    waiting: List[int] = []
    times: List[int] = []
    buyer = 0
    first_question: Optional[int] = None
    first_response: Optional[int] = None
    for message in in_time_order(messages):
        if message.role == BUYER:
            buyer += 1
            waiting.append(message.time)
            if first_question is None:
                first_question = message.time
        elif message.role == SELLER and waiting:
            times.extend(clock.elapsed(asked, message.time) for asked in waiting)
            if first_response is None:
                first_response = clock.elapsed(first_question, message.time)  # type: ignore[arg-type]
            waiting = []
    return ChatTimes(buyer, times, first_response, waiting[0] if waiting else None, len(waiting))
