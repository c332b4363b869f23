import {
  registerCanvasAside,
  registerContextMenuItems,
  registerEditorExtension,
  registerReportBinding,
  registerSideTab,
  registerToolbarGroup,
} from '../app/extension-points'
import { CommentAnchors } from '../editor/extensions/comment'
import { ReviewDocAttrs } from '../editor/extensions/review-doc-attrs'
import { Suggestion } from '../editor/extensions/suggestion'
import { CommentsPane } from './CommentsPane'
import { reviewContextMenuItems } from './review-context-menu'
import { addReviewStrings } from './review-locales'
import { ReviewPanel } from './ReviewPanel'
import { reviewBinding } from './review-state'
import { ReviewToolbar } from './ReviewToolbar'
import './review.css'

// 征求意见: comments, suggestion mode, returned copies merged back (see README “Review round”).
addReviewStrings()
registerEditorExtension(() => ReviewDocAttrs)
registerEditorExtension(() => CommentAnchors)
registerEditorExtension(() => Suggestion)
registerReportBinding(reviewBinding)
registerToolbarGroup(ReviewToolbar)
registerCanvasAside(CommentsPane)
registerContextMenuItems(reviewContextMenuItems)
registerSideTab({ id: 'review', label: { 'zh-CN': '审阅', en: 'Review' }, component: ReviewPanel })
